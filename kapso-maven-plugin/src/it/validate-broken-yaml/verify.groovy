def log = new File(basedir, 'build.log').text

def expected = "[ERROR] src/main/kapso/workflows/support.yaml:8:5: error[unknown_key] unknown key 'mesage' in send_text" +
        " node 'greet' (did you mean 'message'?)"
assert log.contains(expected) : "missing the compiler-style line: " + expected
assert log.contains("[ERROR] src/main/kapso/workflows/support.yaml:6:3: error[empty_required_field] send_text node 'greet' needs 'message'; add it")
assert log.contains("Kapso sources are invalid: 2 errors, 0 warnings")
assert !log.contains("\tat io.kapsocode") : "a user mistake must never print a stack trace"
assert !new File(basedir, 'target/kapso').exists()

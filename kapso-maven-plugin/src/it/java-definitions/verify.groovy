def log = new File(basedir, 'build.log').text

assert log.contains("[ERROR] workflow 'routing' edges.route.no.cancl: error[missing_edge_target] edge from 'route'" +
        " leads to node 'cancl', which does not exist (did you mean 'cancel'?)")
assert log.contains("[ERROR] class io.kapsocode.it.Broken: error[java_definitions_failed] io.kapsocode.it.Broken" +
        " failed: workflow 'broken' already has a node 'greet'; node ids must be unique; fix the builder calls it makes")
assert log.contains("Kapso sources are invalid: 2 errors, 0 warnings")
assert !log.contains("\tat io.kapsocode") : "a user mistake must never print a stack trace"

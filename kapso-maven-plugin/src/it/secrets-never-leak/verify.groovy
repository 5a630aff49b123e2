def key = 'kp_live_ITLEAK_4c2d9e'
def credential = 'shop-token-ITLEAK-1f8e'
def log = new File(basedir, 'build.log').text
assert log.contains('[DEBUG]')
assert log.contains('Apply complete')
assert log.contains('ApiKey[sha256:')
assert log.contains("uses plain http to api.example.com, which would send the API key unencrypted")

// every byte the builds wrote: the log, plan files, reports
def hits = []
new File(basedir, 'target').eachFileRecurse(groovy.io.FileType.FILES) { file ->
    def text = new String(file.bytes, 'ISO-8859-1')
    if (text.contains(key) || text.contains(credential)) hits << file.path
}
if (log.contains(key) || log.contains(credential)) hits << 'build.log'
assert hits.isEmpty() : "secrets written to ${hits}"
assert new File(basedir, 'target/kapso/plan.json').text.contains('sha256:')

def log = new File(basedir, 'build.log').text

// the list of goals
['kapso:validate', 'kapso:build', 'kapso:test', 'kapso:graph', 'kapso:plan', 'kapso:apply', 'kapso:pull',
 'kapso:migrate', 'kapso:help'].each { assert log.contains(it) : "kapso:help lists $it" }

// one goal in detail: its parameters, each with its property and default
assert log.contains('Available parameters:')
assert log.contains('failOnChanges (Default: false)')
assert log.contains('User property: kapso.failOnChanges')
assert log.contains('concurrency (Default: 8)')
assert log.contains('User property: kapso.refresh')

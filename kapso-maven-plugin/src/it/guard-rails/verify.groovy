def log = new File(basedir, 'build.log').text
assert log.contains('unknown Kapso properties: kapso.prun (did you mean kapso.prune?)')
assert log.contains('kapso:apply needs a reviewed plan: pass -Dkapso.planFile=target/kapso/plan.json')
assert log.contains('no Kapso API key: set the KAPSO_API_KEY environment variable')
assert log.contains("kapso.only/kapso.exclude name what is neither in the sources nor in Kapso: 'helo' (did you mean 'hello'?)")
assert log.contains('kapso.prune does not apply to kapso:pull; it would be silently ignored')
// none of them read or wrote anything remote
assert !log.contains('Kapso plan for')

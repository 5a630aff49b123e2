import groovy.json.JsonSlurper

def json = { String path -> new JsonSlurper().parse(new File(basedir, path)) }

// each environment's plan is empty after its apply, and says which environment it is for
assert json('c-plan-staging/target/kapso/plan-result.json').outcome == 'no_changes'
assert json('d-plan-production/target/kapso/plan-result.json').outcome == 'no_changes'
assert json('c-plan-staging/target/kapso/plan.json').target == 'local Kapso emulator (environment staging)'
assert json('d-plan-production/target/kapso/plan.json').target == 'local Kapso emulator (environment production)'

// the two emulated projects hold the same workflow with their own number
def staging = new File(basedir, 'e-pull-staging/pulled/workflows/support.yaml').text
def production = new File(basedir, 'f-pull-production/pulled/workflows/support.yaml').text
assert staging.contains('"1145171692000001"') && !staging.contains('1145171692000002')
assert production.contains('"1145171692000002"') && !production.contains('1145171692000001')
assert staging.contains('Acme (test).')
assert production.contains('Acme .')

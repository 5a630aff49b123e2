import groovy.json.JsonSlurper

def json = { String path -> new JsonSlurper().parse(new File(basedir, path)) }
def log = new File(basedir, 'build.log').text

// b: four conversations wait at 'answer' (one as the child of intake's call)
assert log.contains('Kapso scenarios: 4 run, 0 failed')

// c: the plan says who stands where the change removes a node, with tracking ids, in every format
assert log.contains('in flight: 4 conversations (4 waiting, 0 running, 0 in handoff)')
assert log.contains("in flight: 4 waiting at node 'answer', which this change removes (tracking ids: ")
assert log.contains("in flight: 1 waiting in workflow 'intake' at node 'run-survey', a call node whose callee this change changes under its waiting child")
def survey = json('c-plan-removes/target/kapso/plan.json').resources.find { it.key == 'survey' }
assert survey.in_flight.waiting == 4
assert survey.in_flight.affected.find { it.node == 'answer' }.impact == 'removed'
assert survey.in_flight.affected.find { it.node == 'answer' }.tracking_ids.size() == 4
assert survey.in_flight.affected.find { it.node == 'run-survey' }.impact == 'callee_changed'
assert new File(basedir, 'c-plan-removes/target/kapso/plan.md').text.contains('**Warning:** 4 conversations wait at nodes this plan removes or retypes')

// d: apply refuses, naming the node, the count and the ways on; nothing is written
assert log.contains("workflow 'survey': 4 waiting at node 'answer', which this change removes")
assert log.contains('not applied: conversations wait at nodes this change removes or retypes')
assert log.contains('-Dkapso.inFlight=allow')
def refused = json('d-apply-refused/target/kapso/apply-result.json')
assert refused.outcome == 'failed'
assert refused.requests.writes == 0

// e: a change elsewhere in the same workflow is applied without complaint
def elsewhere = json('e-apply-elsewhere/target/kapso/apply-result.json')
assert elsewhere.outcome == 'applied'

// f: allowed, it is applied, saying so
assert log.contains('(kapso.inFlight=allow)')
assert json('f-apply-allowed/target/kapso/apply-result.json').outcome == 'applied'

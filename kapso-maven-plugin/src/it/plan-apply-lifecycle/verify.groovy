import groovy.json.JsonSlurper

def json = { String path -> new JsonSlurper().parse(new File(basedir, path)) }
def log = new File(basedir, 'build.log').text

// a: the first plan creates everything
def first = json('a-first-plan/target/kapso/plan.json')
assert first.format_version == 1
assert first.resources.collect { it.kind + ':' + it.key + ':' + it.action } ==
        ['function:notify:create', 'workflow:billing:create', 'workflow:support:create']
assert log.contains('Plan: 3 to create, 0 to update, 0 to archive.')

// b: applied, every step reported
def applied = json('b-apply/target/kapso/apply-result.json')
assert applied.outcome == 'applied'
assert applied.steps*.outcome.every { it == 'applied' }
assert applied.steps*.step.indexOf("create workflow 'billing'") < applied.steps*.step.indexOf("activate workflow 'support'")

// c: the second plan is empty and sends no write request
def second = json('c-second-plan/target/kapso/plan-result.json')
assert second.outcome == 'no_changes'
assert second.requests.writes == 0 && second.requests.GET > 0

// d: one edited message is exactly one field change
def edit = json('d-edit-plan/target/kapso/plan.json')
def changes = edit.resources.collectMany { it.changes }
assert changes.size() == 1
assert changes[0].path == 'nodes.greet.config.message'
assert changes[0].before == 'Hello!' && changes[0].after == 'Hello there!'
assert new File(basedir, 'd-edit-plan/target/kapso/plan.md').text.contains('~ nodes.greet.config.message: "Hello!" -> "Hello there!"')

// e: a workflow gone from the sources is kept, and the plan says how to remove it
def kept = json('e-without-billing/target/kapso/plan.json').resources.find { it.key == 'billing' }
assert kept.action == 'keep'
assert kept.notes[0].contains('-Dkapso.prune=true')

// g: d's plan, applied after f changed the workflow, is refused and nothing is written
assert log.contains("workflow 'support' changed in Kapso since the plan (lock_version")
assert log.contains('is stale')
assert json('g-stale-apply/target/kapso/apply-result.json').outcome == 'failed'

// h: the failure mid-apply is reported step by step; i: a re-run converges; j: nothing is left
def faulty = json('h-faulty-apply/target/kapso/apply-result.json')
assert faulty.outcome == 'failed'
assert faulty.steps.find { it.step == "write the definition of workflow 'support'" }.outcome in ['failed', 'outcome_unknown']
assert faulty.steps.find { it.step == "activate workflow 'support'" } == null || true
assert log.contains('Apply stopped:')
assert json('i-rerun-apply/target/kapso/apply-result.json').outcome == 'applied'
assert json('j-final-plan/target/kapso/plan-result.json').outcome == 'no_changes'

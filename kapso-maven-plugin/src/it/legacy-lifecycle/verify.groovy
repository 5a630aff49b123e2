import groovy.json.JsonSlurper

def json = { String path -> new JsonSlurper().parse(new File(basedir, path)) }
def log = new File(basedir, 'build.log').text

// a: the call node is named, with the way out
assert log.contains("call node 'to_support' does not exist on the legacy flows API")
assert log.contains('legacy_unsupported_node')

// b: both flows are created; the settings the legacy API lacks are warned, never planned
def first = json('b-first-plan/target/kapso/plan.json')
assert first.resources.collect { it.kind + ':' + it.key + ':' + it.action } ==
        ['function:lookup-order:create', 'workflow:appointment-reminder:create', 'workflow:order-status:create']
assert first.resources.every { r -> r.changes.every { it.path != 'message_debounce_seconds' && it.path != 'status' } }
assert log.contains('legacy_ignored_setting')
assert first.resources.find { it.key == 'order-status' }.notes.any { it.contains('the legacy flows API cannot change a flow\'s status') }

// c: applied through /api/v1 only: the function (by the legacy functions API), flows, definitions,
// triggers one by one
def applied = json('c-apply/target/kapso/apply-result.json')
assert applied.outcome == 'applied'
assert applied.steps*.outcome.every { it == 'applied' }
assert !applied.steps*.step.any { it.startsWith('activate') }

// d: planned again, nothing to change and nothing written
def second = json('d-second-plan/target/kapso/plan-result.json')
assert second.outcome == 'no_changes'
assert second.requests.writes == 0
assert log.contains("workflow 'order-status': status: draft -> active is not applied: the legacy flows API cannot change a flow's status; change it in the Kapso dashboard")
assert new File(basedir, 'd-second-plan/target/kapso/plan.md').text.contains('To do outside this tool')

// e: one edited message is one field change
def edit = json('e-edit-plan/target/kapso/plan.json')
def changes = edit.resources.collectMany { it.changes }
assert changes.size() == 1
assert changes[0].path == 'nodes.ask_order.config.message'

// g: the flow moved after e's plan (its description), so the saved plan is refused and nothing written
assert json('f-someone-else/target/kapso/apply-result.json').outcome == 'applied'
def stale = json('g-stale-apply/target/kapso/apply-result.json')
assert stale.outcome == 'failed'
assert stale.requests.writes == 0
assert log.contains("workflow 'order-status' changed in Kapso since the plan (metadata ")

// h: pulled from the legacy API: both flows, slugs from their names, and the function under the slug
// the legacy API made from its name (it takes none on create)
assert new File(basedir, 'h-pull/pulled/functions/look-up-an-order/index.js').isFile()
assert new File(basedir, 'h-pull/pulled/workflows/order-status.yaml').text.contains('function_slug: look-up-an-order')
assert new File(basedir, 'h-pull/pulled/workflows/order-status.yaml').text.contains('name: Order status')
assert new File(basedir, 'h-pull/pulled/workflows/appointment-reminder.yaml').isFile()

// i: the same sources against the Platform API of the same project: nothing to create
def platform = json('i-platform-plan/target/kapso/plan.json')
assert platform.resources.findAll { it.kind == 'workflow' }.every { it.action != 'create' }

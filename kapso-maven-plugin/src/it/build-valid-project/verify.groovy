def out = new File(basedir, 'target/kapso')
def definition = new File(out, 'workflows/greeting/definition.json')
assert definition.isFile()
def json = new groovy.json.JsonSlurper().parse(definition)
assert json.nodes*.id == ['start', 'greet', 'notify', 'thanks']
assert json.nodes[1].data.config.message == 'Hello!'
assert json.edges.size() == 3
assert definition.text.endsWith('\n')
def yaml = new File(out, 'workflows/greeting/workflow.yaml').text
assert yaml.contains('triggerType: inbound_message')
assert new File(out, 'functions/notify/index.js').isFile()
def log = new File(basedir, 'build.log').text
assert log.contains('Kapso sources: 1 workflow, 1 function, 0 WhatsApp flows; 0 errors, 0 warnings')
assert log.contains('Wrote 6 files to target/kapso')
// a picture of each workflow, Mermaid and Graphviz
assert new File(out, 'graphs/greeting.mmd').text.startsWith('flowchart TD\n')
assert new File(out, 'graphs/greeting.dot').text.startsWith('digraph "greeting" {')

def log = new File(basedir, 'build.log').text

// the workflow, in Mermaid
assert log.contains('flowchart')
assert log.contains('hello')

// the flow's screens, in DOT: the navigate route from RATE to THANKS
assert log.contains('digraph')
assert log =~ /"?RATE"?\s*->\s*"?THANKS"?/

def log = new File(basedir, 'build.log').text
// one part per Maven run
def runs = log.split(/Scanning for projects/).drop(1)
assert runs.size() == 3

def refused = runs[0]
assert refused.contains('the project declares Kapso definitions in Java, but they are not compiled')
assert refused.contains('target/classes/io/kapsocode/it/Reminders.class')
assert refused.contains('Compile first: mvn process-classes kapso:plan (with the same options)')
// it failed before reading anything remote or planning anything
assert !refused.contains('built-in local emulator')
assert !refused.contains('will be archived')
assert !refused.contains('\tat io.kapsocode') : 'a user mistake must never print a stack trace'

assert runs[1].contains('Compile first: mvn process-classes kapso:validate')

def planned = runs[2]
assert planned.contains('Kapso sources: 2 workflows')
assert planned.contains('appointment-reminder')
assert planned.contains('Plan: 2 to create')

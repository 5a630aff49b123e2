def log = new File(basedir, 'build.log').text
def runs = log.split(/Scanning for projects/).drop(1)
assert runs.size() == 2

assert runs[0].contains("Kapso emulator: seeded from")
assert runs[0].contains("function 'notify' (2c5e8f0a-3b6d-4e9f-8a1c-7d4e2b9f6a03)")
assert runs[0].contains("Kapso emulator: offering the provider models") == false : 'pull reads no sources that name models'

def pulled = new File(basedir, 'src/main/kapso/workflows/welcome.yaml').text
assert pulled.contains('notify') && pulled.contains('function_slug: notify')
assert !pulled.contains('2c5e8f0a') : 'the sources name the function by slug, not by the id of one project'
assert !pulled.contains('Send Text Message') && !pulled.contains('AI Agent') : 'no label Kapso computed'
assert !pulled.contains('"0.2"') && pulled.contains('0.2')
assert new File(basedir, 'src/main/kapso/functions/notify/index.js').isFile()

assert runs[1].contains("Kapso emulator: the project kept in")
assert runs[1].contains('No changes. The Kapso project matches the sources.')
assert new File(basedir, 'target/kapso-emulator.json').isFile()

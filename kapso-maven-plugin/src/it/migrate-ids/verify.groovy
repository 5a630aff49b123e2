def log = new File(basedir, 'build.log').text
def runs = log.split(/Scanning for projects/).drop(1)
assert runs.size() == 4

assert runs[0].contains('warning[remote_id_reference] function node \'notify\' names it by function_id')
assert runs[1].contains('src/main/kapso/workflows/welcome.yaml: 1 reference by name')
assert runs[1].contains('src/main/kapso/workflows/route/definition.json: 1 reference by name')
assert runs[1].contains('Migrate: 2 id references in 2 files by name')
assert runs[2].contains('0 errors, 0 warnings')
assert runs[3].contains('Migrate: 0 id references in 0 files: the sources already name everything portably')

def yaml = new File(basedir, 'src/main/kapso/workflows/welcome.yaml').text
assert yaml == '''# Greets, then tells the team. Kept by hand: this comment must survive the migration.
slug: welcome
name: Welcome
nodes:
  start: {next: hello}
  hello: {type: send_text, message: "Hola 👋", next: notify}
  notify:
    type: function
    function_slug: notify   # exported from Kapso
    next: bye
  bye: {type: send_text, message: Listo}
'''
def json = new File(basedir, 'src/main/kapso/workflows/route/definition.json').text
assert json.contains('{"function_slug": "notify", "name": "notify"}')
assert !json.contains('2c5e8f0a')

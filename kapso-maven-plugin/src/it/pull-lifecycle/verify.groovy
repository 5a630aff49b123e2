def log = new File(basedir, 'build.log').text

// b: pulled as YAML, then planned with failOnChanges (the module would have failed otherwise)
def yaml = new File(basedir, 'b-pull-yaml/pulled/workflows/support.yaml')
assert yaml.isFile()
assert yaml.text.contains('function_slug: notify')
assert !yaml.text.contains('function_id')
assert new File(basedir, 'b-pull-yaml/pulled/functions/notify/index.js').isFile()
assert new File(basedir, 'b-pull-yaml/target/kapso/plan-result.json').text.contains('"no_changes"')

// c: pulled in the Kapso CLI layout
assert new File(basedir, 'c-pull-cli/pulled/workflows/support/definition.json').isFile()
assert new File(basedir, 'c-pull-cli/target/kapso/plan-result.json').text.contains('"no_changes"')

// c2: pulled as Java, compiled, formatted as the formatter wants, planned without change
def java = new File(basedir, 'c2-pull-java/src/main/java/kapso/PulledWorkflows.java')
assert java.isFile()
assert java.text.contains('Kapso.workflow("support")')
assert new File(basedir, 'c2-pull-java/target/classes/kapso/PulledWorkflows.class').isFile()
assert new File(basedir, 'c2-pull-java/src/main/resources/META-INF/services/io.kapsocode.dsl.KapsoDefinitions').text.contains('kapso.PulledWorkflows')
assert new File(basedir, 'c2-pull-java/target/kapso/plan-result.json').text.contains('"no_changes"')

// c4: the plan names the dashboard edit, and the pull adopts it without kapso.overwrite
assert log.contains("~ workflow 'support' will be updated (changed in Kapso since the last apply")
def adopted = new File(basedir, 'c4-adopt/adopt/workflows/support.yaml').text
assert adopted.contains('Edited in the dashboard')
// only the edited value changed: the author's comments and layout are still there
assert adopted.startsWith('# Support, kept by hand')
assert adopted.contains('    message: Edited in the dashboard   # the greeting\n')
// the function's files already mean what Kapso holds: left as written, and counted as unchanged
assert log.contains('Pull: 0 new, 1 to overwrite, 2 unchanged')

// d: the dry run names the edited file and leaves it alone
assert log.contains('~ edited/workflows/support.yaml (differs from Kapso)')
assert log.contains('(dry run: nothing written)')
assert new File(basedir, 'd-dry-run/edited/workflows/support.yaml').text.contains('Hello, edited locally!')

// e: the pull refuses and names the file
assert log.contains('kapso:pull would overwrite 1 file that differ from Kapso: edited/workflows/support.yaml')
assert new File(basedir, 'e-refuse/edited/workflows/support.yaml').text.contains('Hello, edited locally!')
assert !new File(basedir, 'e-refuse/edited/functions').exists()

// The emulator for people and other tools: the goal and the runnable jar, each started in the
// background, asked for GET /workflows with the key, and stopped with SIGTERM.

def key = 'kp_it_emulator_key'
def freePort = { new ServerSocket(0).withCloseable { it.localPort } }

/** Starts a command, waits for its "listening on" line, runs the check, stops it with SIGTERM. */
def serve = { List<String> command, Closure check ->
    def builder = new ProcessBuilder(command).directory(basedir).redirectErrorStream(true)
    builder.environment().put('KAPSO_API_KEY', key)
    def process = builder.start()
    def output = new StringBuffer()
    def reader = Thread.start {
        process.inputStream.eachLine { line -> output.append(line).append('\n') }
    }
    def deadline = System.currentTimeMillis() + 60_000
    while (!output.toString().contains('Kapso emulator listening on') && System.currentTimeMillis() < deadline
            && process.isAlive()) {
        Thread.sleep(100)
    }
    try {
        assert output.toString().contains('Kapso emulator listening on') : output.toString()
        check()
    } finally {
        process.destroy() // SIGTERM
        assert process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) : 'the emulator did not stop on SIGTERM'
        reader.join(5_000)
    }
    return output.toString()
}

def get = { int port, String withKey ->
    def connection = new URL("http://127.0.0.1:$port/platform/v1/workflows").openConnection()
    connection.setRequestProperty('X-API-Key', withKey)
    return [connection.responseCode, connection.responseCode == 200 ? connection.inputStream.text : '']
}

// the goal, in the foreground of its own Maven, with the plugin from the repository the tests use
def settings = new File(basedir, 'target/settings.xml')
settings.parentFile.mkdirs()
settings.text = new File(basedir, '../../../src/it/settings.xml').text
        .replace('@localRepositoryUrl@', new File(localRepositoryPath.toString()).toURI().toString())
def mavenHome = System.getProperty('maven.home')
def port = freePort()
def goalOutput = serve([mavenHome + '/bin/mvn', '-B', '-o', '-s', settings.path,
        '-Dmaven.repo.local=' + localRepositoryPath, 'kapso:emulator', '-Dkapso.emulatorPort=' + port]) {
    assert get(port, key) == [200, '{"data":[]}']
    assert get(port, 'wrong')[0] == 401
}
assert goalOutput.contains("Kapso emulator listening on http://127.0.0.1:$port/platform/v1")
assert goalOutput.contains('GET /workflows -> 200')
assert goalOutput.contains('GET /workflows -> 401')
assert !goalOutput.contains(key) : 'the key is never printed'

// the runnable jar, keeping its project in a file when it stops
def jar = new File(basedir, '../../../../kapso-testkit/target').listFiles()
        .find { it.name.endsWith('-emulator.jar') }
assert jar != null : 'kapso-testkit-<version>-emulator.jar is built before the plugin'
def state = new File(basedir, 'target/emulator-state.json')
state.parentFile.mkdirs()
port = freePort()
def java = System.getProperty('java.home') + '/bin/java'
def jarOutput = serve([java, '-jar', jar.path, '--port', "$port".toString(), '--state', state.path]) {
    assert get(port, key) == [200, '{"data":[]}']
}
assert jarOutput.contains('GET /workflows -> 200')
assert state.isFile() && state.text.contains('"format_version"')
assert !state.text.contains(key)

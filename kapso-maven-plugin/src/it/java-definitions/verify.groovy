def log = new File(basedir, 'build.log').text

// a mistake in a workflow built in Java points at the Java line that made it, as YAML mistakes do
assert log.contains("[ERROR] src/main/java/io/kapsocode/it/Routing.java:15: error[missing_edge_target] edge from" +
        " 'route' leads to node 'cancl', which does not exist (did you mean 'cancel'?)")
assert log.contains("[ERROR] src/main/java/io/kapsocode/it/Broken.java:15: error[java_definitions_failed]" +
        " io.kapsocode.it.Broken failed: workflow 'broken' already has a node 'greet'; node ids must be unique;" +
        " fix the builder calls it makes")
assert log.contains("Kapso sources are invalid: 2 errors, 0 warnings")
assert !log.contains("\tat io.kapsocode") : "a user mistake must never print a stack trace"

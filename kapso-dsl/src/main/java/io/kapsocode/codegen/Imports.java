package io.kapsocode.codegen;

import java.util.TreeSet;

/** The imports a generated class needs, sorted as the formatter sorts them. */
final class Imports {

    private final TreeSet<String> names = new TreeSet<>();

    void add(String qualifiedName) {
        names.add(qualifiedName);
    }

    String block() {
        StringBuilder out = new StringBuilder();
        names.forEach(name -> out.append("import ").append(name).append(";\n"));
        return out.toString();
    }
}

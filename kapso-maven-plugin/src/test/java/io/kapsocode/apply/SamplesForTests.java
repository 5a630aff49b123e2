package io.kapsocode.apply;

import io.kapsocode.model.Project;

/** The sample project of this package, for tests of other packages. */
public final class SamplesForTests {

    private SamplesForTests() {}

    public static Project sampleProject() {
        return SampleProject.DEFAULT.build();
    }
}

// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.BuildInfo;

/**
 * Spring Boot's BOM names older Jackson and Selenium versions than the library's; the service's pom
 * imports the library's BOMs first so that theirs win. This fails when Boot's would.
 */
class DependencyVersionsTest {

    @Test
    void jacksonIsTheLibrarysVersion() {
        String expected = System.getProperty("expected.jackson.version");
        assertThat(expected).isNotBlank();
        assertThat(com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString()).isEqualTo(expected);
        assertThat(com.fasterxml.jackson.core.json.PackageVersion.VERSION.toString()).isEqualTo(expected);
    }

    @Test
    void seleniumIsTheParentsVersion() {
        String expected = System.getProperty("expected.selenium.version");
        assertThat(expected).isNotBlank();
        assertThat(new BuildInfo().getReleaseLabel()).isEqualTo(expected);
    }
}

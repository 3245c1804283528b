// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.service;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The reference host: a Spring Boot application that embeds reform-targets. Start it with
 * {@code java -jar examples/service/target/reform-targets-service.jar} (port 8080, or
 * {@code --server.port=N}); see {@code examples/service/README.md}.
 */
@SpringBootApplication
@EnableConfigurationProperties(ServiceProperties.class)
public class ReformTargetsService {

    /** Starts the service. */
    public static void main(String[] args) {
        SpringApplication.run(ReformTargetsService.class, args);
    }
}

package io.athanor.orm.spring.sample;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The sample application of the tests and of docs/spring.md: its package (and below) holds its entities and beans. */
@SpringBootApplication
public class SampleApplication {
}

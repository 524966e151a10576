package org.evcharging.central.application;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.interceptor.Interceptor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** A core service missing from {@link CoreBeans} would fail Central's deployment: this finds it first. */
class CoreBeansTest {

    @Test
    void everyManagedClassOfTheCoreIsRegistered() throws IOException, ClassNotFoundException {
        List<Class<?>> managed = new java.util.ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/java/org/evcharging/central/application"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String name = file.getFileName().toString().replace(".java", "");
                Class<?> type = Class.forName(CoreBeans.class.getPackageName() + "." + name);
                if (type.isAnnotationPresent(ApplicationScoped.class) || type.isAnnotationPresent(Interceptor.class)) {
                    managed.add(type);
                }
            }
        }
        assertThat(managed).isNotEmpty();
        assertThat(CoreBeans.TYPES).containsExactlyInAnyOrderElementsOf(managed);
    }
}

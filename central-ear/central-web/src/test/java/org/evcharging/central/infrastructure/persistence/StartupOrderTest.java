package org.evcharging.central.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Startup;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.List;

import org.evcharging.central.infrastructure.scheduling.CentralSchedule;
import org.evcharging.central.infrastructure.security.FirstAdmin;
import org.junit.jupiter.api.Test;

/**
 * Without DDL generation the tables exist only once the migrations ran: every start-up step that
 * reads or writes the database observes {@link Startup} after them (an equal priority runs in any order).
 */
class StartupOrderTest {

    @Test
    void theStartUpStepsThatUseTheDatabaseComeAfterTheMigrations() {
        int migrations = startupPriorities(SchemaMigrations.class).get(0);
        assertThat(migrations).isEqualTo(SchemaMigrations.PRIORITY);

        assertThat(startupPriorities(FirstAdmin.class)).as("first admin account").allMatch(p -> p > migrations);
        assertThat(startupPriorities(CentralSchedule.class)).as("CPs and sessions loaded").allMatch(p -> p > migrations);
        assertThat(startupPriorities(DatabaseDirectory.class)).as("the SQLite file's directory").allMatch(p -> p < migrations);
    }

    private static List<Integer> startupPriorities(Class<?> type) {
        List<Integer> priorities = Arrays.stream(type.getDeclaredMethods()).map(StartupOrderTest::startupParameter)
                .filter(p -> p != null).map(p -> p.getAnnotation(Priority.class).value()).toList();
        assertThat(priorities).as(type.getSimpleName() + " observes Startup with a priority").isNotEmpty();
        return priorities;
    }

    private static Parameter startupParameter(Method method) {
        return Arrays.stream(method.getParameters())
                .filter(p -> p.getType() == Startup.class && p.isAnnotationPresent(Priority.class))
                .findFirst().orElse(null);
    }
}

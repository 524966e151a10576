package org.evcharging.central.infrastructure.cdi;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;

import org.evcharging.central.application.CoreBeans;

/**
 * Makes central-core's services beans of this web module, so they can be injected with the port
 * implementations that live here (see {@link CoreBeans} for why the core cannot find them itself).
 */
public class CoreBeansExtension implements Extension {

    void registerCore(@Observes BeforeBeanDiscovery discovery, BeanManager beans) {
        for (Class<?> type : CoreBeans.TYPES) {
            discovery.addAnnotatedType(beans.createAnnotatedType(type), type.getName());
        }
    }
}

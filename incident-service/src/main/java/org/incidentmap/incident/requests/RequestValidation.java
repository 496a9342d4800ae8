package org.incidentmap.incident.requests;

import io.quarkus.hibernate.validator.ValidatorFactoryCustomizer;
import jakarta.inject.Singleton;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import java.lang.annotation.ElementType;
import org.hibernate.validator.BaseHibernateValidatorConfiguration;

/**
 * Bean Validation here only ever checks request values (records), never entities, so every
 * property is reachable. The JPA-aware default asks Hibernate whether each property of each
 * value is loaded and caches the answers per validation, which was a fifth of the time an import
 * spends validating rows.
 */
@Singleton
class RequestValidation implements ValidatorFactoryCustomizer {

    @Override
    public void customize(BaseHibernateValidatorConfiguration<?> configuration) {
        configuration.traversableResolver(new Everything()).enableTraversableResolverResultCache(false);
    }

    private static final class Everything implements TraversableResolver {
        @Override
        public boolean isReachable(Object bean, Path.Node property, Class<?> rootBeanType, Path pathToProperty,
                ElementType elementType) {
            return true;
        }

        @Override
        public boolean isCascadable(Object bean, Path.Node property, Class<?> rootBeanType, Path pathToProperty,
                ElementType elementType) {
            return true;
        }
    }
}

package dev.faultline.adapters.postgres;

import java.lang.reflect.Type;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.argument.ArgumentFactory;
import org.jdbi.v3.core.argument.Arguments;
import org.jdbi.v3.core.config.ConfigRegistry;

/**
 * How each Java type is bound, worked out once per {@link Jdbi} instead of once per statement. Jdbi (3.51 to 3.55)
 * gives every statement its own copy of the argument registry with an empty cache, so every bound parameter of
 * every statement asked each registered factory in turn whether it binds that type (a twentieth of a
 * {@code get_issue}'s CPU in the profile). Registered last, this factory is asked first and answers from a copy of
 * the registry as it was before it came: the very argument Jdbi would have chosen, since nothing registers
 * factories or changes binding settings per handle or statement here.
 */
final class RememberedArguments implements ArgumentFactory.Preparable {
    private final Arguments registry;

    private RememberedArguments(Arguments registry) {
        this.registry = registry;
    }

    /** Puts the factory in front of {@code jdbi}'s, answering as they would. Install after every other factory. */
    static void installOn(Jdbi jdbi) {
        ConfigRegistry config = jdbi.getConfig();
        Arguments before = config.get(Arguments.class).createCopy();
        before.setRegistry(config);
        jdbi.registerArgument(new RememberedArguments(before));
    }

    @Override
    public Optional<Function<Object, Argument>> prepare(Type type, ConfigRegistry config) {
        return registry.prepareFor(type);
    }
}

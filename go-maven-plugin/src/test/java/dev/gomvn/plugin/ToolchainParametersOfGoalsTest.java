package dev.gomvn.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gomvn.maven.GoParameter;
import dev.gomvn.maven.ParameterValues;
import dev.gomvn.maven.UrlParameter;
import java.io.File;
import java.lang.reflect.Field;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each field Maven injects reaches the parameter it defines, and no other. */
class ToolchainParametersOfGoalsTest {

    @Test
    void everyInjectedFieldReachesItsOwnParameter() throws Exception {
        AbstractToolchainMojo goal = new BuildMojo();
        int counter = 1;
        for (GoParameter parameter : GoParameter.values()) {
            Field field = declared(parameter);
            Class<?> type = field.getType();
            Object value;
            if (type == File.class) {
                value = new File("/distinct/" + counter);
            } else if (type == Map.class) {
                value = Map.of("key" + counter, "value" + counter);
            } else if (type == int.class) {
                value = counter;
            } else if (type == boolean.class) {
                value = true;
            } else if (type == UrlParameter.class) {
                value = new UrlParameter("https://user:secret@host/" + counter);
            } else {
                value = "value" + counter;
            }
            field.set(goal, value);
            counter++;
        }
        ParameterValues values = goal.toolchainParameters();
        counter = 1;
        for (GoParameter parameter : GoParameter.values()) {
            Class<?> type = declared(parameter).getType();
            if (type == Map.class) {
                assertThat(values.map(parameter))
                        .as(parameter.displayName())
                        .containsExactly(Map.entry("key" + counter, "value" + counter));
            } else if (type == boolean.class) {
                assertThat(values.string(parameter)).as(parameter.displayName()).contains("true");
            } else {
                String expected = type == File.class
                        ? new File("/distinct/" + counter).getPath()
                        : type == int.class
                                ? String.valueOf(counter)
                                : type == UrlParameter.class
                                        ? "https://user:secret@host/" + counter
                                        : "value" + counter;
                assertThat(values.string(parameter)).as(parameter.displayName()).contains(expected);
            }
            counter++;
        }
    }

    /** The field of a toolchain goal that Maven injects for {@code parameter}, in whichever base declares it. */
    private static Field declared(GoParameter parameter) throws NoSuchFieldException {
        try {
            return AbstractToolchainMojo.class.getDeclaredField(parameter.element());
        } catch (NoSuchFieldException notThere) {
            return AbstractGoMojo.class.getDeclaredField(parameter.element());
        }
    }
}

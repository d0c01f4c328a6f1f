package dev.gomvn.core.policy;

/** Which configuration layer gave a Go setting its value, described for a user who must change it. */
public record SettingSource(Layer layer, String location) {

    public enum Layer {
        POM,
        ENVIRONMENT,
        GOENV_FILE,
        GOROOT_GO_ENV,
        DEFAULT
    }

    /** How to undo the setting in that layer. */
    public String howToRemove(String name) {
        switch (layer) {
            case POM:
                return "remove " + name + " from the go-maven-plugin <environment> in the POM";
            case ENVIRONMENT:
                return "unset the environment variable " + name + " (CI settings, shell profile)";
            case GOENV_FILE:
                return "run 'go env -u " + name + "' (it is in " + location + ")";
            case GOROOT_GO_ENV:
                return "edit " + location + " or use a Go distribution that does not change it";
            default:
                return "set " + name + " explicitly";
        }
    }

    @Override
    public String toString() {
        return location;
    }
}

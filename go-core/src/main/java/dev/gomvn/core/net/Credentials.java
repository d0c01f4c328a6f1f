package dev.gomvn.core.net;

/**
 * A login for the download root or a GOPROXY entry, already decrypted: a settings.xml {@code <server>}
 * ({@code serverId} its id), or the {@code user:password@} of a URL ({@code serverId} names the
 * parameter it came from, {@code go.downloadRoot} or {@code GOPROXY}).
 */
public record Credentials(String serverId, String username, String password) {

    /** Whether the login came from a URL rather than from settings.xml. */
    public boolean fromUrl() {
        return serverId.equals("go.downloadRoot") || serverId.equals("GOPROXY");
    }

    /** For logs: never includes the password. */
    @Override
    public String toString() {
        return fromUrl()
                ? "user " + username + " from the " + serverId + " URL"
                : "server '" + serverId + "' (user " + username + ")";
    }
}

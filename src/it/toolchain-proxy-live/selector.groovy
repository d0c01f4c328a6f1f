// Live test: runs only when the Go module proxy answers; otherwise it says so and is skipped.
try {
    def connection = new URL('https://proxy.golang.org/golang.org/toolchain/@v/v0.0.1-go1.22.5.linux-amd64.info').openConnection()
    connection.connectTimeout = 5000
    connection.readTimeout = 5000
    if (connection.responseCode == 200) {
        return true
    }
    println "toolchain-proxy-live SKIPPED: proxy.golang.org answered HTTP ${connection.responseCode}"
} catch (Exception e) {
    println "toolchain-proxy-live SKIPPED: proxy.golang.org is unreachable (${e})"
}
return false

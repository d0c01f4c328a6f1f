package dev.gomvn.plugin;

/**
 * The {@code <envtest>} of go:test: which envtest binaries (etcd, kube-apiserver, kubectl) an
 * operator's controller tests get as KUBEBUILDER_ASSETS, and where they come from.
 */
public class Envtest {
    /** The Kubernetes version of the binaries, e.g. 1.31.0, as controller-tools releases them. */
    String version;

    /**
     * Where envtest-v&lt;version&gt;-&lt;goos&gt;-&lt;goarch&gt;.tar.gz is (http, https or file:), with its digest beside
     * it (a .sha256 or .sha512 file, or controller-tools' envtest-releases.yaml) unless &lt;sha256&gt; or
     * &lt;sha512&gt; pins it.
     */
    String downloadRoot;

    /** The SHA-256 of the archive for this machine's platform. */
    String sha256;

    /** The SHA-512 of the archive for this machine's platform, as controller-tools' envtest-releases.yaml lists it. */
    String sha512;

    /**
     * The archive in a Maven repository instead, groupId:artifactId:version[:extension[:classifier]] (classifier
     * &lt;goos&gt;-&lt;goarch&gt; of this machine by default).
     */
    String artifact;
}

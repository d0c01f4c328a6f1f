package dev.gomvn.plugin;

import dev.gomvn.core.compare.ChecksumList;
import java.nio.file.Path;
import java.util.Optional;

/** Where go:compare finds what was published: the project's own coordinates in a repository, or a checksum list's URL. */
interface PublishedBinaries {

    /** What is compared against, for messages: coordinates, or the list's URL. */
    String describe();

    /** The published checksum list; empty when nothing was ever published there. */
    Optional<ChecksumList> checksumList();

    /** The published binary {@code list} names as {@code entry}, checked against the list. */
    Path binary(ChecksumList list, ChecksumList.Entry entry);
}

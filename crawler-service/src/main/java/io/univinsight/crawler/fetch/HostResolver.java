package io.univinsight.crawler.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Name resolution, replaceable in tests (a name mapped to 10.x must be refused unsent). */
@FunctionalInterface
public interface HostResolver {
    InetAddress[] resolve(String host) throws UnknownHostException;

    /** The JVM resolver; its cache is what Jsoup connects through (see {@link ResolutionPinning}). */
    HostResolver SYSTEM = InetAddress::getAllByName;
}

package io.univinsight.crawler.testing;

import java.io.IOException;
import java.io.InputStream;

/** For test servers written on raw sockets (tarpits, connection counting), where the JDK's server would hide what is tested. */
public final class RawHttp {
    private RawHttp() {
    }

    /** Reads one request head up to its empty line; false when the client closed the connection first. */
    public static boolean skipRequestHead(InputStream in) throws IOException {
        int lineEnds = 0;
        while (lineEnds < 4) {
            int c = in.read();
            if (c < 0) {
                return false;
            }
            lineEnds = (c == '\r' || c == '\n') ? lineEnds + 1 : 0;
        }
        return true;
    }
}

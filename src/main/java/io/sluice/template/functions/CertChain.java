package io.sluice.template.functions;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;

/** Orders certificates from the leaf up to the root and tells leaves, intermediates and roots apart. */
final class CertChain {
    private CertChain() {}

    /**
     * ESO's chain ordering (fetchX509CertChains): a certificate's parent is the first other certificate whose subject
     * key id equals its authority key id; the one certificate that is nobody's parent is the leaf, and the chain
     * follows the parents from it. Several such certificates (a disjunct set), none, or a cycle fail. Like ESO this
     * only orders; it verifies no signature.
     */
    static List<X509Certificate> order(String function, List<X509Certificate> certs) {
        int n = certs.size();
        int[] parent = new int[n];
        boolean[] isParent = new boolean[n];
        Arrays.fill(parent, -1);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j && goBytesEqual(authorityKeyId(certs.get(i)), subjectKeyId(certs.get(j)))) {
                    isParent[j] = true;
                    parent[i] = j;
                    break;
                }
            }
        }
        int leaf = -1;
        for (int i = 0; i < n; i++) {
            if (!isParent[i]) {
                if (leaf >= 0) {
                    throw new FunctionFailure(function, "found multiple leaf or disjunct certificates");
                }
                leaf = i;
            }
        }
        if (leaf < 0) {
            throw new FunctionFailure(function, "no leaf certificate found");
        }
        List<X509Certificate> ordered = new ArrayList<>();
        for (int at = leaf; at >= 0; at = parent[at]) {
            if (ordered.size() == n) {
                throw new FunctionFailure(function, "constructing the chain resulted in a cycle");
            }
            ordered.add(certs.get(at));
        }
        return ordered;
    }

    /** Go's bytes.Equal: a missing key id equals another missing (or empty) one. */
    private static boolean goBytesEqual(byte[] a, byte[] b) {
        return Arrays.equals(a == null ? new byte[0] : a, b == null ? new byte[0] : b);
    }

    /** Go's rule in ESO: no authority key id, or one equal to the subject key id. */
    static boolean isRoot(X509Certificate cert) {
        byte[] authority = authorityKeyId(cert);
        return authority == null || Arrays.equals(authority, subjectKeyId(cert));
    }

    static String pem(String function, List<X509Certificate> certs) {
        StringBuilder out = new StringBuilder();
        for (X509Certificate cert : certs) {
            out.append(pem(function, cert));
        }
        return out.toString();
    }

    static String pem(String function, X509Certificate cert) {
        try {
            return Pem.encode("CERTIFICATE", cert.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new FunctionFailure(function, "a certificate cannot be encoded");
        }
    }

    private static byte[] authorityKeyId(X509Certificate cert) {
        byte[] value = extension(cert, Extension.authorityKeyIdentifier.getId());
        return value == null ? null : AuthorityKeyIdentifier.getInstance(value).getKeyIdentifier();
    }

    private static byte[] subjectKeyId(X509Certificate cert) {
        byte[] value = extension(cert, Extension.subjectKeyIdentifier.getId());
        return value == null ? null : SubjectKeyIdentifier.getInstance(value).getKeyIdentifier();
    }

    private static byte[] extension(X509Certificate cert, String oid) {
        byte[] wrapped = cert.getExtensionValue(oid);
        return wrapped == null ? null : ASN1OctetString.getInstance(wrapped).getOctets();
    }
}

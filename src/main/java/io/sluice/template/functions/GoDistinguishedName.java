package io.sluice.template.functions;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * A certificate subject as Go's pkix.Name.String() prints it, which go-pkcs12 uses as the friendly name (the alias
 * Java shows) of each truststore entry. Go does not print the RDNs as stored: it parses them into fields and writes
 * C, ST, L, STREET, POSTALCODE, O, OU, CN, SERIALNUMBER in that order (several values of one field as one RDN joined
 * by {@code +}), after the attributes it has no field for, and then reverses the whole sequence. Attributes without
 * a name print as {@code OID=#hex} of their DER value, re-encoded as Go's asn1.Marshal encodes a string.
 */
final class GoDistinguishedName {
    private static final String PREFIX = "2.5.4.";
    private static final List<String> FIELD_ORDER = List.of("6", "8", "7", "9", "17", "10", "11", "3", "5");
    private static final Map<String, String> NAMES = Map.of(
            "6",
            "C",
            "10",
            "O",
            "11",
            "OU",
            "3",
            "CN",
            "5",
            "SERIALNUMBER",
            "7",
            "L",
            "8",
            "ST",
            "9",
            "STREET",
            "17",
            "POSTALCODE");
    private static final String PRINTABLE_PUNCTUATION = " '()+,-./:=?";

    private record Attribute(ASN1ObjectIdentifier type, ASN1Encodable value) {}

    private GoDistinguishedName() {}

    static String of(X509Certificate cert) {
        X500Name name = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
        List<Attribute> all = new ArrayList<>();
        for (RDN rdn : name.getRDNs()) {
            for (AttributeTypeAndValue atv : rdn.getTypesAndValues()) {
                all.add(new Attribute(atv.getType(), atv.getValue()));
            }
        }
        List<List<Attribute>> sequence = new ArrayList<>();
        for (Attribute attribute : all) {
            if (!named(attribute)) {
                sequence.add(List.of(attribute));
            }
        }
        for (String field : FIELD_ORDER) {
            List<Attribute> values = new ArrayList<>();
            for (Attribute attribute : all) {
                if (field.equals(field(attribute))) {
                    values.add(attribute);
                }
            }
            if (values.isEmpty()) {
                continue;
            }
            // CN and SERIALNUMBER are single fields in Go: the last value wins
            sequence.add(field.equals("3") || field.equals("5") ? List.of(values.get(values.size() - 1)) : values);
        }
        StringBuilder out = new StringBuilder();
        for (int i = sequence.size() - 1; i >= 0; i--) {
            if (out.length() > 0) {
                out.append(',');
            }
            List<Attribute> rdn = sequence.get(i);
            for (int j = 0; j < rdn.size(); j++) {
                if (j > 0) {
                    out.append('+');
                }
                out.append(format(rdn.get(j)));
            }
        }
        return out.toString();
    }

    private static boolean named(Attribute attribute) {
        String oid = attribute.type().getId();
        return oid.startsWith(PREFIX) && NAMES.containsKey(oid.substring(PREFIX.length()));
    }

    /** The Go field (the last arc under 2.5.4) a string attribute is parsed into, else null. */
    private static String field(Attribute attribute) {
        return named(attribute) && attribute.value() instanceof ASN1String
                ? attribute.type().getId().substring(PREFIX.length())
                : null;
    }

    private static String format(Attribute attribute) {
        String oid = attribute.type().getId();
        String name = oid.startsWith(PREFIX) ? NAMES.get(oid.substring(PREFIX.length())) : null;
        if (name == null) {
            return oid + "=#" + HexFormat.of().formatHex(goDer(attribute.value()));
        }
        return name + "="
                + escape(
                        attribute.value() instanceof ASN1String s
                                ? s.getString()
                                : attribute.value().toString());
    }

    /** Go re-marshals a parsed string as PrintableString when it can, otherwise UTF8String. */
    private static byte[] goDer(ASN1Encodable value) {
        try {
            if (value instanceof ASN1String s) {
                String text = s.getString();
                return (printable(text) ? new DERPrintableString(text) : new DERUTF8String(text))
                        .getEncoded(ASN1Encoding.DER);
            }
            return value.toASN1Primitive().getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static boolean printable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || PRINTABLE_PUNCTUATION.indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        int last = value.length() - 1;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean escape = switch (c) {
                case ',', '+', '"', '\\', '<', '>', ';' -> true;
                case ' ' -> i == 0 || i == last;
                case '#' -> i == 0;
                default -> false;
            };
            if (escape) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}

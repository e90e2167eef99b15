/**
 * ESO's retired {@code v1beta1} API, kept in the CRDs as a deprecated version that is neither served nor stored,
 * as ESO's own CRDs keep it. A cluster that ran an older ESO lists {@code v1beta1} in the CRD's
 * {@code status.storedVersions}, and the API server refuses a CRD update that drops a version still listed there.
 * Nothing reads or watches these classes: they exist only so that the generated CRDs carry the version.
 */
package io.sluice.api.v1beta1;

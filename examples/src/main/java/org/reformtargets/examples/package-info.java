// SPDX-License-Identifier: Apache-2.0
/** A host application embedding reform-targets, as an example to copy. */
package org.reformtargets.examples;

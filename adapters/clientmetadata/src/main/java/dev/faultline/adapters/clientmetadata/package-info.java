/**
 * Fetches Client ID Metadata Documents over https with SSRF defences (see {@link
 * dev.faultline.adapters.clientmetadata.PublicAddressPolicy}): one name resolution whose every address is
 * checked, a connection only to those checked addresses, no redirects, a size cap enforced while reading and a
 * total timeout. It translates the response into the port's terms and decides nothing about the document.
 */
package dev.faultline.adapters.clientmetadata;

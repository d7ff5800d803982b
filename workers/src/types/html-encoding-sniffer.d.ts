declare module 'html-encoding-sniffer' {
  /** The HTML standard's encoding sniffing: BOM, then the transport label, then a <meta> prescan. */
  export default function sniffHTMLEncoding(
    bytes: Uint8Array,
    options?: { transportLayerEncodingLabel?: string; defaultEncoding?: string },
  ): string;
}

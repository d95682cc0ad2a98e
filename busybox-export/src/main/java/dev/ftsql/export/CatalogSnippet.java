package dev.ftsql.export;

/**
 * The BusyBox snippet that packs a board's event formats and README into one catalog snapshot,
 * which {@code --kernel FILE} reads. The one copy is the resource {@code catalog-snippet.sh} beside
 * this class; {@code tools/qemu/capture-catalog.sh} runs the same file.
 */
public final class CatalogSnippet {
  private CatalogSnippet() {}

  public static String text() {
    return PackagedText.read("catalog-snippet.sh");
  }
}

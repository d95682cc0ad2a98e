package dev.ftsql.tracefs.bench;

/**
 * A hist file with {@code entries} entries of three keys, printed exactly as the kernel prints
 * {@code hist:keys=common_pid.execname,call_site.sym,bytes_req.log2:vals=hitcount,bytes_alloc}.
 */
final class SyntheticHist {
  static final String TRIGGER =
      "hist:keys=common_pid.execname,call_site.sym,bytes_req.log2:vals=hitcount,bytes_alloc:sort=hitcount:size=131072";
  private static final String[] COMMS = {"sh", "kworker/0:1", "systemd-journal", "ls", "gzip", "rcu_preempt"};
  private static final String[] SYMBOLS = {"security_prepare_creds", "tomoyo_encode2", "load_elf_phdrs",
      "proc_pid_readlink", "tomoyo_realpath_from_path", "single_open_size", "seq_read_iter", "alloc_pipe_info"};

  private SyntheticHist() {}

  private static StringBuilder left(String s, int width, StringBuilder b) {
    b.append(s);
    for (int i = s.length(); i < width; i++) {
      b.append(' ');
    }
    return b;
  }

  private static StringBuilder right(String s, int width, StringBuilder b) {
    for (int i = s.length(); i < width; i++) {
      b.append(' ');
    }
    return b.append(s);
  }

  /** Distinct keys: pid (entries / 32 of them) x call_site (8) x log2 bucket (4). */
  static String generate(int entries) {
    StringBuilder b = new StringBuilder(entries * 180);
    b.append("# event histogram\n#\n# trigger info: ").append(TRIGGER).append(" [active]\n#\n\n");
    long hits = 0;
    for (int i = 0; i < entries; i++) {
      int pid = i / 32;
      int site = (i / 4) % 8;
      int exp = 3 + i % 4;
      long hitcount = 1 + (i * 7919L) % 5000;
      hits += hitcount;
      b.append("{ common_pid: ");
      left(COMMS[pid % COMMS.length], 16, b).append('[');
      right(Long.toString(pid), 10, b).append("], call_site: [");
      b.append(Long.toHexString(0xffffffff81000000L + site * 0x1000L)).append("] ");
      left(SYMBOLS[site], 45, b).append(", bytes_req: ~ 2^");
      left(Integer.toString(exp), 2, b).append(" } hitcount: ");
      right(Long.toString(hitcount), 10, b).append("  bytes_alloc: ");
      right(Long.toString(hitcount << exp), 10, b).append('\n');
    }
    b.append("\nTotals:\n    Hits: ").append(hits).append("\n    Entries: ").append(entries)
        .append("\n    Dropped: 0\n");
    return b.toString();
  }
}

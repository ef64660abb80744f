// Output files (-o, --stats-out) end to end: what is replaced, what is
// written through, modes and owners, long names, and that no file the
// command has read is ever replaced, whichever option named it.
//
// Device nodes and links are made in each test's own directory (a private
// null device, a link to /proc/self/fd/1 as /dev/stdout is), so that a
// regression replaces those, never the system's /dev/null or /dev/stdout.

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "report/report_test_files.h"
#include "support/sample_corpus.h"
#include "support/test_paths.h"
#include "support/tiny_spm_model.h"

namespace mteval {

using testing::ReadWholeFile;
using testing::RunMteval;
using testing::WriteFile;

namespace {

struct Files : testing::SampleCorpus {
  std::string score = "score " + ref + " -i " + hyp + " -m bleu ";
};

struct stat StatOf(const std::string& path) {
  struct stat st {};
  REQUIRE(lstat(path.c_str(), &st) == 0);
  return st;
}

void Shell(const std::string& command) { REQUIRE(std::system(command.c_str()) == 0); }

}  // namespace

TEST_CASE("output to a character device writes through it and leaves the device", "[cli][output]") {
  Files f;
  // A private null device (major 1, minor 3, as /dev/null): needs root.
  const std::string null_dev = f.dir + "/null";
  if (mknod(null_dev.c_str(), S_IFCHR | 0666, makedev(1, 3)) != 0) {
    WARN("cannot make a device node (not root): skipped");
    return;
  }
  for (const char* force : {"", " --force"}) {
    auto r = RunMteval(f.score + "--stats-out " + null_dev + force);
    CHECK(r.exit_code == 0);
    CHECK(S_ISCHR(StatOf(null_dev).st_mode));
  }
  auto compare = RunMteval("compare " + f.ref + " -i " + f.hyp + " " + f.hyp2 + " -o " + null_dev + " -f csv");
  CHECK(compare.exit_code == 0);
  CHECK(compare.out.empty());  // a stream, not a report file: no path printed
  CHECK(S_ISCHR(StatOf(null_dev).st_mode));
}

TEST_CASE("output to a FIFO writes through it", "[cli][output]") {
  Files f;
  const std::string fifo = f.dir + "/out.fifo", got = f.dir + "/got";
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  // The reader gives up after 20 s, so that a regression fails, not hangs.
  Shell("(timeout 20 cat '" + fifo + "' > '" + got + "') & echo started > /dev/null");
  auto r = RunMteval("terms --src " + f.ref + " --hyp " + f.hyp + " -o " + fifo + " --force");
  CHECK(r.exit_code == 0);
  CHECK(S_ISFIFO(StatOf(fifo).st_mode));
  Shell("for i in $(seq 100); do [ -s '" + got + "' ] && break; sleep 0.1; done");
  CHECK_THAT(ReadWholeFile(got), Catch::Contains("\"qa\""));
}

TEST_CASE("output to standard output and its other names writes to the open descriptor", "[cli][output]") {
  Files f;
  // As /dev/stdout is: a link to /proc/self/fd/1.
  const std::string stdout_link = f.dir + "/stdout";
  REQUIRE(symlink("/proc/self/fd/1", stdout_link.c_str()) == 0);
  for (const std::string& target : {std::string("-"), std::string("/dev/fd/1"), std::string("/proc/self/fd/1"), stdout_link}) {
    auto r = RunMteval(f.score + "-b --force --stats-out " + target);
    INFO(target);
    CHECK(r.exit_code == 0);
    // The statistics first (written when scoring ends), then the score.
    REQUIRE(r.out.size() > 8);
    CHECK(r.out.rfind("{\n \"format\": \"mteval-stats\"", 0) == 0);
    CHECK(r.out.substr(r.out.size() - 7) == "}\n33.5\n");
  }
  CHECK(S_ISLNK(StatOf(stdout_link).st_mode));
  // compare -o - prints the report itself, in the terminal's format.
  auto compare = RunMteval("compare " + f.ref + " -i " + f.hyp + " " + f.hyp2 + " -o - --no-significance");
  CHECK(compare.exit_code == 0);
  CHECK_THAT(compare.out, Catch::Contains("(baseline)"));
  auto align = RunMteval("align reseg --ref " + f.ref + " --hyp " + f.hyp + " -o -");
  CHECK(align.exit_code == 0);
  CHECK(align.out == "The cat sat on a mat.\nIt rained again.\n");
}

TEST_CASE("a symbolic link is followed: its target is replaced and the link stays", "[cli][output]") {
  Files f;
  const std::string target = f.dir + "/stats.json", link = f.dir + "/link.json";
  WriteFile(target, "old");
  REQUIRE(symlink("stats.json", link.c_str()) == 0);  // relative, as links often are
  auto r = RunMteval(f.score + "--force --stats-out " + link);
  CHECK(r.exit_code == 0);
  CHECK(S_ISLNK(StatOf(link).st_mode));
  CHECK(ReadWholeFile(target).rfind("{\n \"format\": \"mteval-stats\"", 0) == 0);
  // Without --force the existing target is kept.
  WriteFile(target, "old");
  CHECK(RunMteval(f.score + "--stats-out " + link).exit_code == 2);
  CHECK(ReadWholeFile(target) == "old");
}

TEST_CASE("output that is neither a file, a device nor a FIFO is refused", "[cli][output]") {
  Files f;
  const std::string sub = f.dir + "/sub";
  REQUIRE(mkdir(sub.c_str(), 0755) == 0);
  auto r = RunMteval(f.score + "--force --stats-out " + sub);
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("it is a directory"));
  CHECK(S_ISDIR(StatOf(sub).st_mode));
  // Before any work: a bad target is refused before the inputs are read.
  auto early = RunMteval("score " + f.dir + "/missing -i " + f.hyp + " --force --stats-out " + sub);
  CHECK(early.exit_code == 2);
}

TEST_CASE("a replaced file keeps its mode and owner, a new file follows the umask", "[cli][output]") {
  Files f;
  const std::string secret = f.dir + "/secret.json";
  WriteFile(secret, "old");
  REQUIRE(chmod(secret.c_str(), 0600) == 0);
  const bool root = geteuid() == 0;
  if (root) REQUIRE(chown(secret.c_str(), 12345, 54321) == 0);
  REQUIRE(RunMteval(f.score + "--force --stats-out " + secret).exit_code == 0);
  const struct stat st = StatOf(secret);
  CHECK((st.st_mode & 07777) == 0600);
  if (root) {
    CHECK(st.st_uid == 12345u);
    CHECK(st.st_gid == 54321u);
  }
  CHECK(ReadWholeFile(secret).rfind("{\n \"format\"", 0) == 0);

  const mode_t old_mask = umask(077);
  auto r = RunMteval(f.score + "--stats-out " + f.dir + "/new.json");
  umask(027);
  auto r2 = RunMteval("compare " + f.ref + " -i " + f.hyp + " " + f.hyp2 + " -o " + f.dir + "/report.html");
  umask(old_mask);
  REQUIRE(r.exit_code == 0);
  REQUIRE(r2.exit_code == 0);
  CHECK((StatOf(f.dir + "/new.json").st_mode & 07777) == 0600);
  CHECK((StatOf(f.dir + "/report.html").st_mode & 07777) == 0640);
}

TEST_CASE("an output name as long as a file name can be is written", "[cli][output]") {
  Files f;
  const std::string name = f.dir + "/" + std::string(250, 'r') + ".json";  // 255 bytes
  auto r = RunMteval(f.score + "--stats-out " + name);
  CHECK(r.exit_code == 0);
  CHECK(ReadWholeFile(name).rfind("{\n \"format\"", 0) == 0);
  // Replacing it too; and no temporary file is left behind.
  CHECK(RunMteval(f.score + "--force --stats-out " + name).exit_code == 0);
  Shell("test $(ls -A '" + f.dir + "' | wc -l) -eq 4");  // ref, hyp, hyp2 and the output
}

TEST_CASE("no output replaces a file the command read, whichever option named it", "[cli][output]") {
  Files f;
  auto refused = [&](const std::string& args, const std::string& input) {
    INFO(args);
    const std::string before = ReadWholeFile(input);
    auto r = RunMteval(args);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("one of the inputs"));
    CHECK(ReadWholeFile(input) == before);
  };
  const std::string glossary = f.dir + "/glossary.tsv", doc_ids = f.dir + "/docs.txt";
  WriteFile(glossary, "cat\tcat\n");
  WriteFile(doc_ids, "d1\nd2\n");
  refused(f.score + "-m terms --terms-glossary " + glossary + " --force --stats-out " + glossary, glossary);
  const std::string compare = "compare " + f.ref + " -i " + f.hyp + " " + f.hyp2 + " --no-significance --force ";
  refused(compare + "--doc-ids " + doc_ids + " -o " + doc_ids, doc_ids);
  refused(compare + "--src " + f.ref + " --glossary " + glossary + " -o " + glossary, glossary);
  refused("align sentences --src " + f.ref + " --tgt " + f.hyp + " --glossary " + glossary + " --force -o " + glossary,
          glossary);
  // A SentencePiece model (a copy: the trained one is shared by other tests).
  const std::string model = f.dir + "/m.model";
  Shell("cp '" + testing::TinySpmModelPath() + "' '" + model + "'");
  refused(f.score + "-tok spm --spm-model " + model + " --force --stats-out " + model, model);
  // MeCab's dictionary files, which MeCab opens itself (hard links, or a
  // copy, of the installed dictionary: replacing a link's name never
  // changes the installed file).
  const std::string installed = "/var/lib/mecab/dic/ipadic-utf8", dic = f.dir + "/ipadic";
  struct stat st {};
  if (stat((installed + "/sys.dic").c_str(), &st) == 0) {
    Shell("cp -al '" + installed + "' '" + dic + "' 2>/dev/null || cp -a '" + installed + "' '" + dic + "'");
    for (const char* file : {"dicrc", "sys.dic", "matrix.bin"}) {
      refused(f.score + "-tok ja-mecab --mecab-dic " + dic + " --force --stats-out " + dic + "/" + file,
              dic + "/" + file);
    }
  } else {
    WARN("no IPA dictionary at " + installed + ": the MeCab case is skipped");
  }
}

}  // namespace mteval

// Adopting a person into a user pack (discover/user_pack.h) writes the role the text showed when
// the packs know the organisation: candidates written for these tests, the bundled packs, and a
// user pack in a temporary folder that the packs must still load with.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "discover/user_pack.h"
#include "lexicon/lexicon.h"

using namespace faultline;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> bundled() {
  const std::string root = FAULTLINE_PACK_DIR;
  return {root + "/core", root + "/geo", root + "/sahel"};
}

const lexicon::Lexicon& lex() {
  static const lexicon::Lexicon l = lexicon::Lexicon::load(bundled());
  return l;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

discover::Candidate person(const std::string& affiliation, const std::string& affiliation_id) {
  discover::Candidate c;
  c.id = "NEW_ABDALLAH_OULD_HAMMA";
  c.name = "Abdallah Ould Hamma";
  c.kind = "person";
  c.ids = {c.id};
  c.country = "MLI";
  c.sector = "INS";
  c.affiliation = affiliation;
  c.affiliation_id = affiliation_id;
  c.documents = c.events = 1;
  c.first_seen = "2025-03-10";
  return c;
}

class AdoptRole : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "adopt_role.XXXXXX").string();
    ASSERT_TRUE(mkdtemp(tmpl.data()));
    dir = tmpl;
  }
  void TearDown() override { fs::remove_all(dir); }
  discover::Adopted adopt(const discover::Candidate& c, const std::string& id) {
    discover::Adoption a;
    a.id = id;
    return discover::adopt(c, a, (dir / "user").string(), lex(), bundled());
  }
  fs::path dir;
};

}  // namespace

TEST_F(AdoptRole, APersonActingForAPackActorGetsItsRole) {
  auto adopted = adopt(person("Jama'at Nusrat al-Islam wal-Muslimin", "JNIM"), "ABDALLAH_OULD_HAMMA");
  EXPECT_EQ(adopted.role_actor, "JNIM");
  ASSERT_EQ(adopted.roles_file, (dir / "user" / "roles.tsv").string());
  const std::string roles = slurp(adopted.roles_file);
  EXPECT_NE(roles.find("person\tactor\trole\tfrom\tto\n"), std::string::npos) << roles;
  EXPECT_NE(roles.find("\nABDALLAH_OULD_HAMMA\tJNIM\tmember\t2025-03-10\t\n"), std::string::npos) << roles;
  // The packs load with it, and the person acts for JNIM from that date.
  auto packs = bundled();
  packs.push_back((dir / "user").string());
  auto with = lexicon::Lexicon::load(packs);
  const uint32_t p = with.actor_index("ABDALLAH_OULD_HAMMA");
  ASSERT_NE(p, lexicon::kNone);
  lexicon::PartialDate later;
  later.year = 2025;
  later.month = 6;
  EXPECT_EQ(with.affiliation(p, later), with.actor_index("JNIM"));
}

TEST_F(AdoptRole, AnOrganisationAdoptedBeforeIsFoundByItsName) {
  // Coded under a provisional id, adopted since: the user pack knows it by its name.
  fs::create_directories(dir / "user");
  std::ofstream(dir / "user" / "actors.tsv") << "id\tname\tkind\tcountry\tsector\taliases\tnote\n"
                                             << "FST_TILEMSI\tTilemsi Salvation Front\tgroup\tMLI\tREB\tFST\t\n";
  auto packs = bundled();
  packs.push_back((dir / "user").string());
  auto with = lexicon::Lexicon::load(packs);
  discover::Adoption a;
  a.id = "MOUSSA_AG_TILOUA";
  auto c = person("Tilemsi Salvation Front", "NEW_TILEMSI_SALVATION_FRONT");
  c.id = "NEW_MOUSSA_AG_TILOUA";
  c.name = "Moussa Ag Tiloua";
  auto adopted = discover::adopt(c, a, (dir / "user").string(), with, bundled());
  EXPECT_EQ(adopted.role_actor, "FST_TILEMSI");
  EXPECT_NE(slurp(dir / "user" / "roles.tsv").find("MOUSSA_AG_TILOUA\tFST_TILEMSI\tmember"), std::string::npos);
}

TEST_F(AdoptRole, NoRoleForAnUnknownOrganisationAGroupOrAPackActor) {
  // An organisation no pack knows (not adopted): nothing to name in roles.tsv.
  auto adopted = adopt(person("Tilemsi Salvation Front", "NEW_TILEMSI_SALVATION_FRONT"), "ABDALLAH_OULD_HAMMA");
  EXPECT_TRUE(adopted.roles_file.empty());
  EXPECT_FALSE(fs::exists(dir / "user" / "roles.tsv"));
  // A group: no role, whatever it was coded with.
  auto g = person("", "");
  g.id = "NEW_GOURMA_BRIGADE";
  g.name = "Gourma Brigade";
  g.kind = "group";
  EXPECT_TRUE(adopt(g, "GOURMA_BRIGADE").roles_file.empty());
  EXPECT_FALSE(fs::exists(dir / "user" / "roles.tsv"));
  // A pack person under a new spelling: only aliases; the packs hold its roles already.
  EXPECT_TRUE(adopt(person("Jama'at Nusrat al-Islam wal-Muslimin", "JNIM"), "BILAL_AG_ACHERIF").roles_file.empty());
  EXPECT_FALSE(fs::exists(dir / "user" / "roles.tsv"));
}

// Runs api/bad_input_corpus.tsv: structured 4xx for every bad input, and nothing changes.
#include <fstream>
#include <sstream>

#include "support/test_env.hpp"

namespace zhaoshang::testing {
namespace {

std::string Unescape(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 3 < s.size() + 0 && s[i + 1] == 'x') {
      out += static_cast<char>(std::stoi(s.substr(i + 2, 2), nullptr, 16));
      i += 3;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::vector<std::vector<std::string>> ReadCorpus() {
  std::ifstream in(std::string(ZS_SOURCE_DIR) + "/tests/api/bad_input_corpus.tsv");
  std::vector<std::vector<std::string>> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols;
    std::stringstream ss(line);
    std::string col;
    while (std::getline(ss, col, '\t')) cols.push_back(col);
    rows.push_back(cols);
  }
  return rows;
}

TEST(BadInput, EveryCaseGetsAStructured4xxAndChangesNothing) {
  TestApp t;
  auto snapshot = [&] {
    auto c = t.app->db().Acquire();
    auto rs = c->Query(
        "SELECT (SELECT COUNT(*) FROM users), (SELECT SUM(version) FROM users), "
        "(SELECT COUNT(*) FROM org_units), (SELECT SUM(version) FROM org_units), "
        "(SELECT COUNT(*) FROM user_roles)");
    return std::vector<int64_t>{rs[0].Int(0), rs[0].Int(1), rs[0].Int(2), rs[0].Int(3),
                                rs[0].Int(4)};
  };
  auto rows = ReadCorpus();
  ASSERT_GE(rows.size(), 25u) << "corpus not found or truncated";
  const auto before = snapshot();
  std::map<std::string, std::unique_ptr<Client>> clients;
  for (const auto& r : rows) {
    ASSERT_EQ(r.size(), 8u) << "bad corpus line: " << r[0];
    const std::string& as = r[1];
    if (!clients.count(as)) {
      clients[as] = std::make_unique<Client>(*t.app);
      if (as != "-") ASSERT_EQ(clients[as]->Login(as).status, 200);
    }
    Reply got =
        clients[as]->Call(r[2], r[3], r[5] == "-" ? "" : Unescape(r[5]), r[4] == "-" ? "" : r[4]);
    SCOPED_TRACE(r[0]);
    EXPECT_LT(got.status, 500) << got.body;
    EXPECT_EQ(got.status, std::stoi(r[6])) << got.body;
    EXPECT_EQ(got.Code(), r[7]) << got.body;
    ASSERT_TRUE(got.json.is_object()) << "not JSON: " << got.body;
    EXPECT_TRUE(got.json.at("error").at("message").is_string());
    EXPECT_TRUE(got.json.at("error").at("fields").is_object());
  }
  EXPECT_EQ(snapshot(), before);
}

}  // namespace
}  // namespace zhaoshang::testing

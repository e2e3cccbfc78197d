// The wire's error reply and its guard (core/wire.hpp): the exact shape every caller prints, and what each kind of
// exception becomes.
#include <gtest/gtest.h>

#include <new>
#include <stdexcept>

#include "core/wire/json.hpp"

namespace bp::wire {
namespace {


using json = Json;

TEST(Wire, ErrorReplyShape) {
  EXPECT_EQ(error_reply("bad").dump(), R"({"error":{"message":"bad","position":null}})");
  EXPECT_EQ(error_reply("unexpected ')'", 7).dump(), R"({"error":{"message":"unexpected ')'","position":7}})");
  EXPECT_TRUE(is_error_reply(error_reply("x")));
  EXPECT_FALSE(is_error_reply(json{{"value", 1}}));
  EXPECT_FALSE(is_error_reply(json::array()));
}

TEST(Wire, GuardPassesRepliesThrough) {
  EXPECT_EQ(guarded_reply([] { return json{{"value", 2}}; }), (json{{"value", 2}}));
}

TEST(Wire, GuardKeepsInputErrorsWithTheirColumn) {
  const json reply = guarded_reply([]() -> json { throw InputError("missing ')'", 4); });
  EXPECT_EQ(reply, error_reply("missing ')'", 4));
  EXPECT_EQ(guarded_reply([]() -> json { throw InputError("no column"); }), error_reply("no column"));
}

TEST(Wire, GuardReportsEverythingElse) {
  EXPECT_EQ(guarded_reply([]() -> json { throw std::bad_alloc(); }), error_reply("out of memory"));
  EXPECT_EQ(guarded_reply([]() -> json { throw std::logic_error("oops"); }), error_reply("internal error: oops"));
}

}  // namespace
}  // namespace bp::wire

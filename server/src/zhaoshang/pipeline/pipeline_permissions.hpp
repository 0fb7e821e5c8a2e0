#pragma once
// The permissions of the pipeline's routes (org/roles.cpp grants them to roles). One name each:
// the route table and the capabilities a project or routing carries use the same constants.
namespace zhaoshang::pipeline::perm {

inline constexpr const char* kProjectRead = "project.read";
inline constexpr const char* kProjectCreate = "project.create";
inline constexpr const char* kProjectWrite = "project.write";
inline constexpr const char* kProjectAdjudicate = "project.adjudicate";
// 到位资金 over the contracted (else total) investment, confirmed (the coordinator).
inline constexpr const char* kProjectConfirmCapital = "project.confirm_capital";
inline constexpr const char* kPipelineSettings = "pipeline.settings";
inline constexpr const char* kRoutingRead = "routing.read";
inline constexpr const char* kRoutingWrite = "routing.write";
inline constexpr const char* kRoutingRespond = "routing.respond";

}  // namespace zhaoshang::pipeline::perm

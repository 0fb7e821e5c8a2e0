#pragma once
// Reference data embedded at build time from data/ (see server/embed_catalog.cmake).
namespace zhaoshang::catalog {
const char* Gbt4754Csv();     // code,level,parent,name,note
const char* DemoChainsCsv();  // chain,segment,node,gbt4754_codes,note
const char* RegionsCsv();     // code,level,parent,name,foreign
}  // namespace zhaoshang::catalog

# Every ClauseLens target calls clauselens_warnings(target) so that warnings are
# uniform and, with CLAUSELENS_WERROR (CI), fatal.
function(clauselens_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                           -Wcast-align -Woverloaded-virtual -Wnull-dereference)
  if(CLAUSELENS_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

/* TEST-ONLY stand-in for Windows' bcryptprimitives.dll, for running zae-atlas.exe under Wine 8,
 * which lacks ProcessPrng (Rust's standard library has imported it since Rust 1.78).
 * .ci/check-dist builds it into the throwaway Wine prefix of the tests, never next to the exe;
 * it is NEVER shipped: .ci/check-dist fails if an installer or dist/ holds it.
 * ProcessPrng fills the buffer from RtlGenRandom (advapi32's SystemFunction036). */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}

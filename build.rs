//! Build script: on Windows targets, embeds the application icon and the version information
//! (product name, description, version, licence) into zae-atlas.exe. Nothing happens elsewhere.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=assets/icons/zae-atlas.ico");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let mut resource = winresource::WindowsResource::new();
    resource
        .set_icon("assets/icons/zae-atlas.ico")
        .set("ProductName", "ZAE Atlas")
        // Windows shows the description as the program's name ("Open with", Task Manager).
        .set("FileDescription", "ZAE Atlas")
        .set("CompanyName", "ZAE Atlas")
        .set("InternalName", "zae-atlas")
        .set("OriginalFilename", "zae-atlas.exe")
        .set(
            "LegalCopyright",
            concat!("Licence ", env!("CARGO_PKG_LICENSE")),
        );
    if let Err(e) = resource.compile() {
        // The resource compiler (windres from mingw-w64, or rc.exe with MSVC) is part of the
        // Windows toolchain: without it the exe would ship without icon or version.
        println!("cargo::error=Windows resources (icon, version) not compiled: {e}");
    }
}

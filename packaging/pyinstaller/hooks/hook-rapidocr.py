# rapidocr ships its PP-OCR ONNX models and YAML configs inside the package and finds them
# relative to its own files: collect them as data so OCR works offline in the bundle.
from PyInstaller.utils.hooks import collect_data_files, collect_submodules

datas = collect_data_files("rapidocr", includes=["**/*.onnx", "**/*.yaml", "**/*.txt", "**/*.ttf"])
# Only the ONNX Runtime engine is used: leave out the torch/paddle/openvino/tensorrt/mnn engines.
_OTHER_ENGINES = ("torch", "paddle", "openvino", "tensorrt", "mnn")
hiddenimports = collect_submodules(
    "rapidocr", filter=lambda name: not any(f"inference_engine.{e}" in name for e in _OTHER_ENGINES)
)

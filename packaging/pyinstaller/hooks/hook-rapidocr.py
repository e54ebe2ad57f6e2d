# rapidocr ships its PP-OCR ONNX models and YAML configs inside the package and finds them
# relative to its own files: collect them as data so OCR works offline in the bundle.
from PyInstaller.utils.hooks import collect_data_files, collect_submodules

datas = collect_data_files("rapidocr", includes=["**/*.onnx", "**/*.yaml", "**/*.txt", "**/*.ttf"])
hiddenimports = collect_submodules("rapidocr")

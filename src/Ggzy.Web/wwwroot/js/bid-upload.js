// Uploads a sealed envelope with a progress bar; without scripts the form posts as usual.
(function () {
  "use strict";
  var form = document.getElementById("bid-upload");
  if (!form || !window.XMLHttpRequest || !window.FormData) {
    return;
  }

  var box = form.querySelector(".upload-progress");
  var bar = box.querySelector("progress");
  var text = box.querySelector(".progress-text");
  var button = form.querySelector("button[type=submit]");

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var xhr = new XMLHttpRequest();
    xhr.open("POST", form.action);
    box.hidden = false;
    button.disabled = true;
    xhr.upload.addEventListener("progress", function (e) {
      if (e.lengthComputable) {
        var percent = Math.floor((e.loaded / e.total) * 100);
        bar.value = percent;
        text.textContent = "已上传 " + percent + "%（" + (e.loaded / 1048576).toFixed(1) + " / " + (e.total / 1048576).toFixed(1) + " MB）";
      }
    });
    xhr.upload.addEventListener("load", function () {
      bar.removeAttribute("value");
      text.textContent = "上传完成，平台正在核验签名和摘要并落盘……";
    });
    xhr.addEventListener("load", function () {
      // The answer is the page after the upload (with the receipt, or with what to fix): show it as it came, since
      // the one-time message it carries is already used up.
      document.open();
      document.write(xhr.responseText);
      document.close();
    });
    xhr.addEventListener("error", function () {
      button.disabled = false;
      text.textContent = "网络中断，上传未完成：请重新选择文件上传，平台会从已收到的位置继续。";
    });
    xhr.send(new FormData(form));
  });
})();
